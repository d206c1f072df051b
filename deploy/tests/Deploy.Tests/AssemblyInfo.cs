// The jsii runtime behind Amazon.CDK.Lib is one node process per test host and crashes when used from parallel tests.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

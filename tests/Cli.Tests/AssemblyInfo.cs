// A load is measured as the growth of the process's native allocations while it runs (as the host measures it), and
// latency in interleaved rounds: tests running beside each other in this process would add to both.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

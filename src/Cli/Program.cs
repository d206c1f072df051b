using MultiModel.Cli;
using MultiModel.ModelHost.Caching;

// As the host does before ONNX Runtime allocates anything, so that memory is measured and returned the same way.
ProcessMemory.ReturnFreedMemoryToTheSystem();
return await CliApp.RunAsync(args, CliEnvironment.FromProcess());

using Interop.Cli.CommandLine;

return await InteropCommandLine.RunAsync(args);

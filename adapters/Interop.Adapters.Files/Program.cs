using Interop.Adapters.Files.Hosting;

return await FilesCommandLine.RunAsync(args);

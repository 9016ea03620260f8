using Interop.Adapters.Sql.Hosting;

return await SqlCommandLine.RunAsync(args);

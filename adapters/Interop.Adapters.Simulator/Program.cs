using Interop.Adapters.Simulator.Hosting;

return await SimulatorCommandLine.RunAsync(args);

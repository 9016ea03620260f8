namespace Interop.Cli.Tests;

/// <summary>Every test class of the command line shares one installed tool (packing and installing it takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class CliCollection : ICollectionFixture<InstalledCli>
{
    public const string Name = "installed interop tool";
}

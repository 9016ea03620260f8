namespace Interop.Adapters.Sql.State;

/// <summary>The session holding the state's advisory lock, as <c>pg_stat_activity</c> shows it.</summary>
internal sealed record HolderRow(string ApplicationName, int SessionPid, DateTime Since);

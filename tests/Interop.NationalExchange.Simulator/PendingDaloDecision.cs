namespace Interop.NationalExchange.Simulator;

/// <summary>A DALO decision taken nationally (a mediation commission's), to go in the next return file.</summary>
/// <param name="Number">The application.</param>
/// <param name="StatutDalo">NON, ACTIF, CADUC or ACTREL.</param>
/// <param name="Date">The day of the decision.</param>
public sealed record PendingDaloDecision(string Number, string StatutDalo, DateOnly Date);

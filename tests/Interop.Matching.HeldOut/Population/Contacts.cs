namespace Interop.Matching.HeldOut.Population;

/// <summary>What changes with time: e-mail, phone, and the home commune (a move changes postcode and commune).</summary>
internal sealed record Contacts(string Email, string Phone, Commune Home);

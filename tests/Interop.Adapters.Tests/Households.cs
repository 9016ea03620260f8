using Interop.Adapters.Simulator.Erp;
using Interop.Testing;

namespace Interop.Adapters.Tests;

/// <summary>Households of the tests in the simulated ERP's shape, unique per test by their name.</summary>
public static class Households
{
    public static Dossier New(string? lastName = null) => new()
    {
        Reference = "",
        Nom = lastName ?? TestApplications.UniqueName(),
        Prenom = "Camille",
        Sexe = "F",
        DateNaissance = new DateOnly(1988, 4, 12),
        CommuneNaissance = "14118",
        Nationalite = "FR",
        Courriel = "camille@example.fr",
        Situation = "SEPARE",
        Logement = "LOCPRIV",
        Motif = "DIVORCE",
        Revenu = 1450,
        Departement = "14",
        Typologie = "T3",
        CommuneSouhaitee = "14118",
    };
}

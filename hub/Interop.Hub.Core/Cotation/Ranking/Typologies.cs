using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Cotation.Ranking;

/// <summary>SNE typology codes (ListeTypeLogement) as CAL members write them.</summary>
internal static class Typologies
{
    public static string Label(Typology typology) => typology switch
    {
        Typology.Room => "chambre",
        Typology.T6Plus => "T6 ou plus",
        _ => typology.ToString(),
    };

    /// <summary>« un T3 », « une chambre ».</summary>
    public static string WithArticle(Typology typology) => (typology == Typology.Room ? "une " : "un ") + Label(typology);
}

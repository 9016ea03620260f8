using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Errors;

namespace Interop.Hub.Core.Lifecycle;

/// <summary>
/// Merging two applications of the same household (domain §13.2): not a legal
/// radiation. The application filed first survives with its seniority; the
/// other is closed as merged, with a link to the survivor, and can be restored.
/// </summary>
public static class MergeRules
{
    /// <summary>The survivor and the absorbed of a pair: the earliest filing wins; on a tie, the smaller number.</summary>
    public static (ApplicationRecord Survivor, ApplicationRecord Absorbed) Order(ApplicationRecord first, ApplicationRecord second)
    {
        var firstSurvives = first.FiledDate < second.FiledDate
            || (first.FiledDate == second.FiledDate && string.CompareOrdinal(first.Number, second.Number) < 0);
        return firstSurvives ? (first, second) : (second, first);
    }

    public static ApplicationRecord Absorb(ApplicationRecord absorbed, ApplicationRecord survivor)
    {
        foreach (var application in new[] { absorbed, survivor })
        {
            if (application.Status != ApplicationStatus.Active)
            {
                throw PreconditionException.IllegalTransition(
                    "applications/" + application.Number,
                    $"applications/{application.Number} is {application.Status.ToString().ToLowerInvariant()}; only two active applications are merged.");
            }
        }

        if (absorbed.Departement != survivor.Departement)
        {
            throw PreconditionException.IllegalTransition(
                "applications/" + absorbed.Number, "Applications of different départements are not duplicates of each other (one application per département).");
        }

        return absorbed with { Status = ApplicationStatus.Merged, MergedInto = survivor.Number };
    }

    public static ApplicationRecord Restore(ApplicationRecord absorbed)
    {
        if (absorbed.Status != ApplicationStatus.Merged || absorbed.MergedInto is null)
        {
            throw PreconditionException.IllegalTransition(
                "applications/" + absorbed.Number, $"applications/{absorbed.Number} is not merged; there is nothing to undo.");
        }

        return absorbed with { Status = ApplicationStatus.Active, MergedInto = null };
    }
}

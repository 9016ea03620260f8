using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Interop.Hub.Core.Cotation.Ranking;
using Interop.Hub.Core.Cotation.Scoring;
using Interop.Hub.Core.Cotation.WhatIf;
using Interop.Hub.Registry;
using Interop.Hub.Storage.Cotation;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Cotation;

/// <summary>Between the core's scores, the stored rows and the contract's messages.</summary>
internal static class CotationMapper
{
    /// <summary>Decimal points as the contract writes them: invariant, no trailing zeros (<c>40</c>, <c>2.5</c>, <c>-15</c>).</summary>
    public static string Points(decimal points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    public static V1.ApplicationScore ToProto(CotationScore score) => new()
    {
        Application = ApplicationMapper.ResourceName(score.Number),
        GridVersion = GridName.OfVersion(score.GridId, score.GridVersion),
        Day = DateMapping.ToProto(score.Day),
        Total = Points(score.Total),
        Lines =
        {
            score.Lines.Select(line => new V1.ScoreLine
            {
                RubricId = line.RubricId ?? "",
                CriterionId = line.CriterionId ?? "",
                Status = (V1.ScoreLineStatus)(int)line.Status,
                Points = Points(line.Points),
                Text = line.Text,
            }),
        },
    };

    public static V1.RankedCandidate ToProto(RankedCandidate candidate) => new()
    {
        Rank = candidate.Rank,
        Application = ApplicationMapper.ResourceName(candidate.Number),
        FiledDate = DateMapping.ToProto(candidate.FiledDate),
        Score = ToProto(candidate.Score),
        Reasons = { candidate.Reasons },
    };

    public static V1.GridVersion ToProto(GridVersionRow row)
    {
        var version = new V1.GridVersion
        {
            Name = GridName.OfVersion(row.GridId, row.Version),
            GridId = row.GridId,
            Version = row.Version,
            Epci = row.Epci,
            Title = row.Title,
            ValidFrom = DateMapping.ToProto(row.ValidFrom),
            GridJson = row.GridJson,
            Publisher = row.PublisherId,
            PublishTime = Timestamp.FromDateTime(DateTime.SpecifyKind(row.PublishedAt, DateTimeKind.Utc)),
        };
        if (row.ValidUntil is { } until)
        {
            version.ValidUntil = DateMapping.ToProto(until);
        }

        return version;
    }

    public static V1.CriterionValidation ToProto(ValidationRow row) => new()
    {
        Application = ApplicationMapper.ResourceName(row.ApplicationNumber),
        Grid = GridName.Of(row.GridId),
        CriterionId = row.CriterionId,
        Role = row.Role,
        ValidatedBy = row.ValidatedBy,
        ValidatedDate = DateMapping.ToProto(row.ValidatedOn),
        Recorder = row.RecorderId,
        RecordTime = Timestamp.FromDateTime(DateTime.SpecifyKind(row.RecordedAt, DateTimeKind.Utc)),
    };

    public static V1.DraftGridSummary ToProto(DraftReport report) => new()
    {
        ComparedVersion = GridName.OfVersion(report.GridId, report.CurrentVersion),
        Day = DateMapping.ToProto(report.Day),
        ApplicationCount = report.Rows.Count,
        RankUpCount = report.RankUp,
        RankDownCount = report.RankDown,
        Overall = ToProto(report.Overall),
        ByRubric = { report.ByRubric.Select(ToProto) },
        ByTypology = { report.ByTypology.Select(ToProto) },
        ByPriorityClass = { report.ByPriorityClass.Select(ToProto) },
    };

    public static V1.DraftGroupMove ToProto(GroupMove move) => new()
    {
        Key = move.Key,
        Count = move.Count,
        UpCount = move.Up,
        DownCount = move.Down,
        MeanDelta = Points(move.MeanDelta),
        MaxUp = Points(move.MaxUp),
        MaxDown = Points(move.MaxDown),
    };
}

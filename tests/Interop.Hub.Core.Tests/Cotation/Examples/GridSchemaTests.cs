using System.Text.Json;
using Interop.Hub.Core.Cotation.Loading;
using Json.Schema;

namespace Interop.Hub.Core.Tests.Cotation.Examples;

/// <summary>The JSON Schema published in protos/cotation says what the loader accepts.</summary>
public class GridSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cotation", "grid.schema.json"))));

    private static bool Valid(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }

    [Theory]
    [InlineData("paris")]
    [InlineData("lyon")]
    [InlineData("dunkerque")]
    public void Schema_AcceptsEveryShippedExample(string name) =>
        Assert.True(Valid(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cotation", "Examples", name + ".example.json"))));

    [Theory]
    [InlineData("""{ "id": "a", "label": "A", "kind": "lottery", "points": 5 }""")]
    [InlineData("""{ "id": "a", "label": "A", "kind": "singleParent", "points": -5 }""")]
    [InlineData("""{ "id": "a", "label": "A", "kind": "singleParent", "points": 5, "colour": "red" }""")]
    [InlineData("""{ "id": "a", "label": "A", "kind": "currentHousing", "housing": ["CASTLE"], "points": 5 }""")]
    [InlineData("""{ "id": "a", "label": "A", "kind": "declared", "points": 5 }""")]
    [InlineData("""{ "id": "a", "label": "A", "kind": "applicantAge", "points": 5 }""")]
    public void Schema_AndLoader_RefuseTheSameBadCriteria(string criterion)
    {
        var json = CotationFixtures.OneRubricJson("cumulative", criterion);

        Assert.False(Valid(json));
        Assert.Throws<Interop.Hub.Core.Errors.ValidationException>(() => GridLoader.Load(json));
    }

    [Fact]
    public void Schema_ListsExactlyTheLoadersCriterionKinds()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cotation", "grid.schema.json")));
        var kinds = document.RootElement.GetProperty("$defs").GetProperty("criterion").GetProperty("properties").GetProperty("kind").GetProperty("enum")
            .EnumerateArray().Select(kind => kind.GetString()!);

        Assert.Equal(CriterionReader.KindNames.Order(), kinds.Order());
    }
}

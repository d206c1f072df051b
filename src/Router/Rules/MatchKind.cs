namespace MultiModel.Router.Rules;

/// <summary>How a rule names model ids. Declaration order is precedence order between kinds.</summary>
public enum MatchKind
{
    Exact,
    Prefix,
    Glob,
}

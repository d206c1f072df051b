using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MultiModel.Architecture.Tests;

/// <summary>One name a file uses, as written: a using's namespace, or a (qualified) name in code, split at the dots.</summary>
/// <param name="Line">1-based line of the name in its file.</param>
public sealed record NameReference(int Line, IReadOnlyList<string> Segments)
{
    public override string ToString() => string.Join('.', Segments);

    /// <summary>
    /// Every using directive and every outermost name chain (<c>A.B.C</c> as a type, or the <c>A.B</c> that starts a
    /// member access) of a file, read from its syntax: comments, strings and doc comments are not code and do not
    /// count; namespace declarations are not references.
    /// </summary>
    public static IEnumerable<NameReference> In(string sourceText)
    {
        var unit = CSharpSyntaxTree.ParseText(sourceText).GetCompilationUnitRoot();
        foreach (var node in unit.DescendantNodes())
        {
            var segments = node switch
            {
                UsingDirectiveSyntax directive => Chain(directive.NamespaceOrType),
                NameSyntax or MemberAccessExpressionSyntax when IsOutermost(node) => Chain((ExpressionSyntax)node),
                _ => null,
            };
            if (segments is { Count: > 0 })
            {
                yield return new NameReference(node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, segments);
            }
        }
    }

    private static bool IsOutermost(SyntaxNode node) =>
        node.Parent is not (QualifiedNameSyntax or AliasQualifiedNameSyntax or MemberAccessExpressionSyntax or UsingDirectiveSyntax
            or BaseNamespaceDeclarationSyntax);

    /// <summary>The identifiers of a pure name chain, or null when it starts with something else (a call, <c>this</c>).</summary>
    private static List<string>? Chain(ExpressionSyntax expression) => expression switch
    {
        AliasQualifiedNameSyntax alias => Chain(alias.Name), // global::A.B is A.B
        QualifiedNameSyntax qualified => Append(Chain(qualified.Left), qualified.Right.Identifier.Text),
        MemberAccessExpressionSyntax access => Append(Chain(access.Expression), access.Name.Identifier.Text),
        SimpleNameSyntax name => [name.Identifier.Text],
        _ => null,
    };

    private static List<string>? Append(List<string>? left, string right)
    {
        left?.Add(right);
        return left;
    }
}

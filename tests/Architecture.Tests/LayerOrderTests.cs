namespace MultiModel.Architecture.Tests;

/// <summary>The check itself, on sources made up here: each kind of reference that points up is caught, nothing else is.</summary>
public sealed class LayerOrderTests
{
    private static readonly LayerOrder Order = new("Shop", "Api", "Orders", "Storage");

    private const string Storage = """
        namespace MultiModel.Shop.Storage;
        public sealed class Store;
        """;

    private const string Orders = """
        namespace MultiModel.Shop.Orders;
        public sealed class Order;
        """;

    [Fact]
    public void Violations_FolderUsingTheFolderBelow_None()
    {
        var source = Source(("Orders/Order.cs", "using MultiModel.Shop.Storage;\n" + Orders), ("Storage/Store.cs", Storage));

        Assert.Empty(Order.Violations(source));
        Assert.Single(source.Dependencies());
    }

    [Theory]
    [InlineData("using MultiModel.Shop.Orders;\nnamespace MultiModel.Shop.Storage;\npublic sealed class Store;")]
    [InlineData("using static MultiModel.Shop.Orders.Order;\nnamespace MultiModel.Shop.Storage;\npublic sealed class Store;")]
    [InlineData("using O = MultiModel.Shop.Orders;\nnamespace MultiModel.Shop.Storage;\npublic sealed class Store;")]
    [InlineData("namespace MultiModel.Shop.Storage;\npublic sealed class Store\n{\n    private global::MultiModel.Shop.Orders.Order? _last;\n}")]
    [InlineData("namespace MultiModel.Shop.Storage;\npublic sealed class Store\n{\n    public object Make() => new MultiModel.Shop.Orders.Order();\n}")]
    [InlineData("namespace MultiModel.Shop.Storage;\npublic sealed class Store\n{\n    public object Make() => new Orders.Order();\n}")]
    public void Violations_FolderUsingAFolderAboveIt_NamesFileLineAndArrow(string store)
    {
        var source = Source(("Orders/Order.cs", Orders), ("Storage/Store.cs", store));

        var violation = Assert.Single(Order.Violations(source));

        Assert.StartsWith("src/Shop/Storage/Store.cs:", violation, StringComparison.Ordinal);
        Assert.Contains("Storage -> Orders", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Violations_FolderUsingARootType_Reported()
    {
        var root = "namespace MultiModel.Shop;\npublic static class ShopExtensions;";
        var store = "namespace MultiModel.Shop.Storage;\npublic sealed class Store\n{\n    public string Name => nameof(ShopExtensions);\n}";

        var violation = Assert.Single(Order.Violations(Source(("ShopExtensions.cs", root), ("Storage/Store.cs", store))));

        Assert.Contains($"Storage -> {AppSource.Root}", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Violations_CommentsStringsAndLookalikeMembers_AreNotReferences()
    {
        var store = """
            namespace MultiModel.Shop.Storage;
            // using MultiModel.Shop.Orders;
            /// <summary>See <see cref="MultiModel.Shop.Orders.Order"/>.</summary>
            public sealed class Store
            {
                public string Name => "MultiModel.Shop.Orders";
                public int Count(Store Orders) => Orders.GetHashCode();
            }
            """;

        Assert.Empty(Order.Violations(Source(("Orders/Order.cs", Orders), ("Storage/Store.cs", store))));
    }

    [Fact]
    public void Violations_RootFilesUsingAnyFolder_None()
    {
        var program = "using MultiModel.Shop.Storage;\nusing MultiModel.Shop.Orders;\nvar s = new Store();";

        Assert.Empty(Order.Violations(Source(("Program.cs", program), ("Orders/Order.cs", Orders), ("Storage/Store.cs", Storage))));
    }

    [Fact]
    public void Violations_FolderMissingFromTheOrder_Reported()
    {
        var violation = Assert.Single(Order.Violations(Source(("Billing/Invoice.cs", "namespace MultiModel.Shop.Billing;\npublic sealed class Invoice;"))));

        Assert.Contains("src/Shop/Billing/ is not in Shop's declared order", violation, StringComparison.Ordinal);
    }

    private static AppSource Source(params (string Path, string Text)[] files) => new("MultiModel.Shop", files);
}

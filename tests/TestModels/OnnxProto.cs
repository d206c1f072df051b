using Google.Protobuf;
using Onnx;

namespace MultiModel.TestModels;

/// <summary>Small builders over OnnxSharp's generated protobuf types, so each model reads as its graph.</summary>
internal static class OnnxProto
{
    // Opset 13 needs IR version 7; ONNX Runtime 1.31 still loads both, and older runtimes do too.
    public const long IrVersion = 7;
    public const long OpsetVersion = 13;

    /// <summary>A symbolic dimension (a string) or a fixed one (a number).</summary>
    public static TensorShapeProto.Types.Dimension Dim(object dim) => dim switch
    {
        string name => new TensorShapeProto.Types.Dimension { DimParam = name },
        int size => new TensorShapeProto.Types.Dimension { DimValue = size },
        long size => new TensorShapeProto.Types.Dimension { DimValue = size },
        _ => throw new ArgumentException($"A dimension is a string or an integer, not {dim.GetType()}.", nameof(dim)),
    };

    /// <summary>A typed tensor value; no dims means rank 0 (the shape is still present, which is what makes it a scalar).</summary>
    public static ValueInfoProto Tensor(string name, TensorProto.Types.DataType type, params object[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.AddRange(dims.Select(Dim));
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    public static NodeProto Node(string opType, string name, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        return node;
    }

    /// <summary>A float initializer stored as raw little-endian bytes: far faster than FloatData for large weights.</summary>
    public static TensorProto FloatInitializer(string name, byte[] rawFloats, params long[] dims)
    {
        var tensor = new TensorProto
        {
            Name = name,
            DataType = (int)TensorProto.Types.DataType.Float,
            // The array is ours and never changes again, so wrapping it saves copying a large weight once more.
            RawData = UnsafeByteOperations.UnsafeWrap(rawFloats),
        };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    /// <summary><paramref name="mlOpset"/> imports ONNX's ML operators (ai.onnx.ml: ZipMap and the classic classifiers) at that version.</summary>
    public static byte[] Serialize(GraphProto graph, string producer, long? mlOpset = null)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = producer,
            ProducerVersion = "1",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        if (mlOpset is { } version)
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = "ai.onnx.ml", Version = version });
        }

        return model.ToByteArray();
    }
}

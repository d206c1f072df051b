using Onnx;
using static MultiModel.TestModels.OnnxProto;

namespace MultiModel.TestModels;

/// <summary>
/// An image model shaped as PP-OCR's text detector is where it meets an odd size: a stride-2 convolution, an upsampling
/// back by 2, and the sum with its input (the skip connection of a feature pyramid). Input <c>image</c> [1, 1, h, w],
/// output <c>y</c> of the same shape. Any h and w pass the signature, but only even ones can be summed: at 33 the
/// upsampled path is 34 wide, and ONNX Runtime refuses the broadcast inside the model.
/// </summary>
internal static class StrideSensitiveModel
{
    public static byte[] Build()
    {
        var graph = new GraphProto { Name = "stride_sensitive" };
        graph.Input.Add(Tensor("image", TensorProto.Types.DataType.Float, 1, 1, "h", "w"));
        graph.Output.Add(Tensor("y", TensorProto.Types.DataType.Float, 1, 1, "h", "w"));
        graph.Initializer.Add(FloatInitializer("weight", BitConverter.GetBytes(1f), 1, 1, 1, 1));
        graph.Initializer.Add(FloatInitializer("scales", [.. BitConverter.GetBytes(1f), .. BitConverter.GetBytes(1f), .. BitConverter.GetBytes(2f), .. BitConverter.GetBytes(2f)], 4));

        var convolution = Node("Conv", "down", ["image", "weight"], "half");
        convolution.Attribute.Add(new AttributeProto { Name = "strides", Type = AttributeProto.Types.AttributeType.Ints, Ints = { 2, 2 } });
        graph.Node.Add(convolution);
        var upsampling = Node("Resize", "up", ["half", "", "scales"], "doubled");
        upsampling.Attribute.Add(new AttributeProto { Name = "mode", Type = AttributeProto.Types.AttributeType.String, S = Google.Protobuf.ByteString.CopyFromUtf8("nearest") });
        graph.Node.Add(upsampling);
        graph.Node.Add(Node("Add", "skip", ["image", "doubled"], "y"));
        return Serialize(graph, "MultiModel.TestModels");
    }
}

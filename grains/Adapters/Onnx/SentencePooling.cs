namespace AdrPlatform.Adapters.Onnx;

/// <summary>How a sentence-transformer turns its token states into one sentence vector.</summary>
public enum SentencePooling
{
    /// <summary>The mean of the states of the real (unpadded) tokens.</summary>
    Mean,

    /// <summary>The state of the leading [CLS] token.</summary>
    Cls,
}

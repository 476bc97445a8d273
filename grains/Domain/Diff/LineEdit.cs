namespace AdrPlatform.Domain.Diff;

public enum EditKind
{
    Keep,
    Delete,
    Insert,
}

/// <summary>One line of an edit script: kept, deleted from the old text or inserted from the new.</summary>
public readonly record struct LineEdit(EditKind Kind, int OldIndex, int NewIndex, string Text);

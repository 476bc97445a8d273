namespace AdrPlatform.Events;

public enum JobOutcome
{
    /// <summary>Still working; Stage has Done of Total.</summary>
    Progress = 0,
    Succeeded = 1,
    Failed = 2,
}

namespace MultiModel.ModelHost.Rollout;

/// <summary>Why a request runs the version it runs.</summary>
public enum VersionRole
{
    /// <summary>The request named it.</summary>
    Pinned,

    /// <summary>The model has no rollout policy: its highest version.</summary>
    Latest,

    /// <summary>The policy's stable version.</summary>
    Stable,

    /// <summary>The version being rolled out, for this caller's share.</summary>
    Candidate,
}

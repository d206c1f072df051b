namespace MultiModel.Router.Rules;

public enum TargetAuth
{
    /// <summary>Forward as is (a local ModelHost, a backend behind its own auth).</summary>
    None,

    /// <summary>Sign with SigV4 for service <c>lambda</c> (a function URL with AuthType AWS_IAM).</summary>
    Iam,
}

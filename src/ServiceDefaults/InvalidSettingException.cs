namespace MultiModel.ServiceDefaults;

/// <summary>
/// A setting read while services are registered holds a value the host cannot start with. Its message is the one line
/// an operator needs (the setting, its value, what it may be); Program.cs prints it and exits 1, so a typo does not end
/// in a stack trace and an abort. Shared by both apps (the Lambda event source is read by the service defaults).
/// </summary>
public sealed class InvalidSettingException(string message) : Exception(message);

namespace MinimalApi;

/// <summary>The /json payload: {"message":"Hello, World!"}.</summary>
public sealed record JsonMessage(string Message);

namespace Flagon.Security;

/// <summary>Bad data of any sort (itsdangerous' <c>BadData</c>): the base of every signing error.</summary>
public class BadData : Exception
{
    /// <summary>Creates the error with its message.</summary>
    public BadData(string message) : base(message) { }

    /// <summary>Creates the error with its message and the error that caused it.</summary>
    public BadData(string message, Exception? innerException) : base(message, innerException) { }
}

namespace Civility.Domain.PersonalData;

/// <summary>A citizen ID number as a service keeps it: never in clear (made by the service's personal-data protector).</summary>
public sealed record ProtectedIdNumber(string LookupHash, string Encrypted, string Masked);

/// <summary>A phone number as a service keeps it: encrypted, and masked for the responses that may not show it.</summary>
public sealed record ProtectedPhone(string Encrypted, string Masked);

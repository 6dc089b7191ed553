namespace Civility.EndToEnd.Tests;

/// <summary>Synthetic identifiers that pass the national check-character rules, fresh for each test.</summary>
public static class TestData
{
    private const string CreditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>A unified social credit code (GB 32100-2015) with a correct check character.</summary>
    public static string CreditCode()
    {
        var body = "91331000" + string.Concat(Enumerable.Range(0, 9)
            .Select(_ => CreditCodeAlphabet[Random.Shared.Next(CreditCodeAlphabet.Length)]));
        var sum = body.Select((c, i) => CreditCodeAlphabet.IndexOf(c) * (int)(Math.Pow(3, i) % 31)).Sum();
        return body + CreditCodeAlphabet[(31 - sum % 31) % 31];
    }

    public static string Token() => Guid.NewGuid().ToString("N")[..8];
}

using System.Globalization;
using QRCoder;

namespace Civility.Volunteers.Endpoints;

/// <summary>
/// The QR code printed on a certificate: the public portal's verification page with the certificate's number and check
/// code, so that whoever scans the paper sees "genuine" with the masked fields, or "not found". The portal's address is
/// <c>Portal:PublicUrl</c> (the address residents reach, set by the app host to the gateway's); without it, the address
/// the request came in by (the gateway's, as forwarded).
/// </summary>
public static class CertificateQrCode
{
    public const string VerifyPath = "/certificates/verify";

    public static string VerificationUrl(HttpRequest request, IConfiguration configuration, string number, string checkCode)
    {
        var configured = configuration["Portal:PublicUrl"];
        var root = string.IsNullOrWhiteSpace(configured) ? $"{request.Scheme}://{request.Host}" : configured.TrimEnd('/');
        return string.Create(CultureInfo.InvariantCulture,
            $"{root}{VerifyPath}?number={Uri.EscapeDataString(number)}&code={Uri.EscapeDataString(checkCode)}");
    }

    /// <summary>The code as a PNG data URI (medium error correction: a creased or stamped paper still scans).</summary>
    public static string PngDataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}

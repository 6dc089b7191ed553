using Civility.Domain.PersonalData;

namespace Civility.MoralModels.Application;

/// <summary>
/// Delivers a one-time code to a mobile number. Which one runs is configuration (<c>Sms:Provider</c>, see
/// <see cref="SmsOptions"/>): the log in development, an SMS gateway over HTTP in production; tests plug their own.
/// </summary>
public interface IVerificationCodeSender
{
    /// <param name="phone">The normalized 11-digit mobile number.</param>
    /// <exception cref="VerificationCodeNotSentException">When the gateway did not take the message.</exception>
    Task SendAsync(string phone, string code, TimeSpan validFor, CancellationToken cancellationToken);
}

/// <summary>The code could not be handed to the SMS gateway; the caller may ask again.</summary>
public sealed class VerificationCodeNotSentException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Configuration section <c>Sms</c>: how one-time codes reach voters' phones.</summary>
public sealed class SmsOptions
{
    public const string Log = "Log", Http = "Http";

    /// <summary><c>Log</c> (development default: the code goes to the log) or <c>Http</c> (a gateway). Required elsewhere.</summary>
    public string? Provider { get; set; }

    /// <summary>For <c>Http</c>: the URL that takes <c>POST {"phone": "...", "message": "..."}</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>For <c>Http</c>: sent as <c>Authorization: Bearer …</c> when set. A secret: from the environment, never a file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The text; <c>{code}</c> and <c>{minutes}</c> are filled in.</summary>
    public string Template { get; set; } =
        "【文明实践】您的投票验证码是 {code}，{minutes} 分钟内有效。Your voting code is {code}.";

    public string Message(string code, TimeSpan validFor) =>
        Template.Replace("{code}", code, StringComparison.Ordinal)
            .Replace(
                "{minutes}",
                Math.Ceiling(validFor.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture),
                StringComparison.Ordinal);
}

/// <summary>Development: the code is written to the log (the dashboard shows it), the number masked.</summary>
public sealed partial class LogVerificationCodeSender(ILogger<LogVerificationCodeSender> logger) : IVerificationCodeSender
{
    public Task SendAsync(string phone, string code, TimeSpan validFor, CancellationToken cancellationToken)
    {
        CodeIssued(logger, Masking.Phone(phone), code, validFor);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Voting code {Code} for {MaskedPhone}, valid {ValidFor} (development sender: no text message sent)")]
    private static partial void CodeIssued(ILogger logger, string maskedPhone, string code, TimeSpan validFor);
}

/// <summary>
/// A generic SMS gateway: one JSON POST per code. A provider with another shape gets an adapter of its own behind
/// <see cref="IVerificationCodeSender"/>; the rest of the service does not change.
/// </summary>
public sealed class HttpVerificationCodeSender(HttpClient http, Microsoft.Extensions.Options.IOptions<SmsOptions> options)
    : IVerificationCodeSender
{
    public async Task SendAsync(string phone, string code, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Endpoint)
        {
            Content = JsonContent.Create(new { phone, message = settings.Message(code, validFor) }),
        };
        if (!string.IsNullOrEmpty(settings.ApiKey)) request.Headers.Authorization = new("Bearer", settings.ApiKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new VerificationCodeNotSentException($"The SMS gateway answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException e)
        {
            throw new VerificationCodeNotSentException("The SMS gateway could not be reached.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VerificationCodeNotSentException("The SMS gateway did not answer in time.", e);
        }
    }
}

public static class VerificationCodeSenderRegistration
{
    /// <summary>Registers the sender <c>Sms:Provider</c> names; unset, the log in Development and Testing, an error elsewhere.</summary>
    public static WebApplicationBuilder AddVerificationCodeSender(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Sms");
        builder.Services.Configure<SmsOptions>(section);
        var settings = section.Get<SmsOptions>() ?? new SmsOptions();
        var provider = settings.Provider
                       ?? (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing") ? SmsOptions.Log : null);
        switch (provider?.ToLowerInvariant())
        {
            case "log":
                builder.Services.AddSingleton<IVerificationCodeSender, LogVerificationCodeSender>();
                break;
            case "http":
                if (settings.Endpoint is not { IsAbsoluteUri: true })
                    throw new InvalidOperationException("Sms:Provider is Http: set Sms:Endpoint to the gateway's absolute URL.");
                builder.Services.AddHttpClient<IVerificationCodeSender, HttpVerificationCodeSender>();
                break;
            default:
                throw new InvalidOperationException(
                    $"Sms:Provider must be '{SmsOptions.Log}' or '{SmsOptions.Http}' (it is '{provider ?? "unset"}'): "
                    + "voting codes need a sender outside development.");
        }
        return builder;
    }
}

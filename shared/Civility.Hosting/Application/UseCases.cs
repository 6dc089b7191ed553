using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Civility.Hosting.Application;

/// <summary>
/// One thing the service does, in its <c>Application/</c> folder: load, decide through the domain, save. An endpoint
/// binds the request and calls one; a consumer or a job calls the same one, never an endpoint.
/// </summary>
public interface IUseCase;

public static class UseCaseRegistration
{
    /// <summary>Every use case of the service's assembly, one instance per request or message (they hold its DbContext).</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t)))
            services.TryAddScoped(type);
        return services;
    }
}

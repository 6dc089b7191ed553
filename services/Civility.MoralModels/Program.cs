using Civility.Hosting;
using Civility.MoralModels.Data;
using Civility.MoralModels.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivilityService<MoralModelsDbContext>("moral-models", MoralModelsDbContext.Schema, typeof(Program).Assembly);

var app = builder.Build();
app.MapCivilityApi<MoralModelsDbContext>("moral-models", area: "moral-models")
    .MapRoundsApi();

await app.RunCivilityServiceAsync();

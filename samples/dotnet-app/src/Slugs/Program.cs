using Slugs;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// GET /slug?title=Crème brûlée → creme-brulee
app.MapGet("/slug", (string title) => Slug.From(title));

app.Run();

using Microsoft.AspNetCore.Http;

namespace Nurture.Functions.Catalog;

/// <summary>Answers one HTTP request.</summary>
public delegate Task<IResult> HttpFunctionHandler(HttpRequest request, FunctionContext context);

/// <summary>Processes one queue message; throwing fails the attempt.</summary>
public delegate Task QueueFunctionHandler(QueueTriggerMessage message, FunctionContext context);

/// <summary>Runs one timer occurrence.</summary>
public delegate Task TimerFunctionHandler(TimerInfo timer, FunctionContext context);

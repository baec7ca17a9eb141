using Microsoft.Extensions.Options;

namespace PqlGrains.Integrations.BuiltIn;

internal sealed class BuiltInSinkOptionsValidator : IValidateOptions<BuiltInSinkOptions>
{
    public ValidateOptionsResult Validate(string? name, BuiltInSinkOptions options) =>
        options.Capacity < 1
            ? ValidateOptionsResult.Fail($"{BuiltInSinkOptions.Section}:Capacity is {options.Capacity}; it must be at least 1 (how many recent tasks and alerts the leads API shows), e.g. 10000.")
            : ValidateOptionsResult.Success;
}

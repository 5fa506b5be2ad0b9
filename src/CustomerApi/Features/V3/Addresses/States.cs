namespace CustomerApi.Features.V3.Addresses;

/// <summary>
/// The states of the countries whose addresses must name one, spelled out as BigCommerce spells them: "State or province
/// codes not accepted" (spec). For these countries a V3 address must name one of them (any case; answered as spelled
/// here), and a code (<c>TX</c>) is refused with the name it stands for; elsewhere the state is free text [inferred: the
/// emulator holds the three countries whose states BigCommerce's own examples use].
/// </summary>
public static class States
{
    private static readonly Dictionary<string, (string Code, string Name)[]> ByCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] =
        [
            ("AL", "Alabama"), ("AK", "Alaska"), ("AS", "American Samoa"), ("AZ", "Arizona"), ("AR", "Arkansas"),
            ("AA", "Armed Forces Americas"), ("AE", "Armed Forces Europe"), ("AP", "Armed Forces Pacific"), ("CA", "California"),
            ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"), ("DC", "District of Columbia"),
            ("FM", "Federated States Of Micronesia"), ("FL", "Florida"), ("GA", "Georgia"), ("GU", "Guam"), ("HI", "Hawaii"),
            ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"), ("KY", "Kentucky"),
            ("LA", "Louisiana"), ("ME", "Maine"), ("MH", "Marshall Islands"), ("MD", "Maryland"), ("MA", "Massachusetts"),
            ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"),
            ("NE", "Nebraska"), ("NV", "Nevada"), ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"),
            ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("MP", "Northern Mariana Islands"),
            ("OH", "Ohio"), ("OK", "Oklahoma"), ("OR", "Oregon"), ("PW", "Palau"), ("PA", "Pennsylvania"), ("PR", "Puerto Rico"),
            ("RI", "Rhode Island"), ("SC", "South Carolina"), ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"),
            ("UT", "Utah"), ("VT", "Vermont"), ("VI", "Virgin Islands"), ("VA", "Virginia"), ("WA", "Washington"),
            ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
        ],
        ["CA"] =
        [
            ("AB", "Alberta"), ("BC", "British Columbia"), ("MB", "Manitoba"), ("NB", "New Brunswick"), ("NL", "Newfoundland and Labrador"),
            ("NT", "Northwest Territories"), ("NS", "Nova Scotia"), ("NU", "Nunavut"), ("ON", "Ontario"), ("PE", "Prince Edward Island"),
            ("QC", "Quebec"), ("SK", "Saskatchewan"), ("YT", "Yukon"),
        ],
        ["AU"] =
        [
            ("ACT", "Australian Capital Territory"), ("NSW", "New South Wales"), ("NT", "Northern Territory"), ("QLD", "Queensland"),
            ("SA", "South Australia"), ("TAS", "Tasmania"), ("VIC", "Victoria"), ("WA", "Western Australia"),
        ],
    };

    /// <summary>
    /// Checks <paramref name="state"/> against the country's states: null when it is one (or the country has none here),
    /// else the reason it is refused. <paramref name="spelled"/> is the state as the table spells it.
    /// </summary>
    public static string? Refusal(string countryCode, string state, string countryName, out string spelled)
    {
        spelled = state;
        if (!ByCountry.TryGetValue(countryCode, out var states))
        {
            return null;
        }

        var text = state.Trim();
        foreach (var (code, name) in states)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                spelled = name;
                return null;
            }
        }

        return states.FirstOrDefault(s => string.Equals(s.Code, text, StringComparison.OrdinalIgnoreCase)) is { Name: { } full }
            ? $"state_or_province must be spelled out: '{full}', not the code '{text}'"
            : $"state_or_province must be a state of {countryName}, spelled out (e.g. '{states[0].Name}')";
    }
}

using System.Text;
using CustomerApi.Features.Admin.Requests;

namespace CustomerApi.Tests.Admin.Requests;

/// <summary>What the request log keeps of a body or a query: as sent, less every secret, and less anything it cannot tell from one.</summary>
public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("""{"password":"s3cret"}""", """{"password":"[redacted]"}""")]
    [InlineData("""{ "a" : { "NEW_PASSWORD" :  "s3cret" , "b":[1, {"accessToken":42}] } }""", """{ "a" : { "NEW_PASSWORD" :  "[redacted]" , "b":[1, {"accessToken":"[redacted]"}] } }""")]
    [InlineData("""{"pass\u0077ord":"s3cret","x":"password"}""", """{"pass\u0077ord":"[redacted]","x":"password"}""")]
    [InlineData("""{"token":{"value":"s3cret","more":["s3cret"]},"after":true}""", """{"token":"[redacted]","after":true}""")]
    [InlineData("""{"passwords":["s3cret","s3cret"],"tokenless":null}""", """{"passwords":"[redacted]","tokenless":"[redacted]"}""")]
    [InlineData("""[{"email":"a@example.com"}]""", """[{"email":"a@example.com"}]""")]
    [InlineData("""{"\ud800x":"s3cret","a":1}""", """{"\ud800x":"[redacted]","a":1}""")]
    public void A_whole_body_is_kept_as_sent_with_every_secret_value_redacted(string body, string kept)
    {
        var redacted = SecretRedaction.Body(Encoding.UTF8.GetBytes(body), whole: true, body.Length);

        Encoding.UTF8.GetString(redacted.Utf8).ShouldBe(kept);
        redacted.Note.ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"email":"a@example.com","password":"s3c""", """{"email":"a@example.com","password":""")]
    [InlineData("""{"email":"a@example.com","password":{"nested":"s3c""", """{"email":"a@example.com","password":""")]
    [InlineData("""{"email":"a@example.com","notes":"long te""", """{"email":"a@example.com","notes":"long te""")]
    [InlineData("""{"email":"a@example.com","passw""", "{\"email\":\"a@example.com\"")]
    [InlineData("""{"email":"a@ex""", """{"email":"a@ex""")]
    [InlineData("""["a","b""", "[\"a\"")]
    public void A_cut_body_keeps_whole_tokens_and_a_cut_value_only_when_it_is_no_secret(string beginning, string kept)
    {
        var redacted = SecretRedaction.Body(Encoding.UTF8.GetBytes(beginning), whole: false, 100_000);

        Encoding.UTF8.GetString(redacted.Utf8).ShouldBe(kept);
        redacted.Note.ShouldBe($"Cut: the body is 100000 bytes, of which the first {beginning.Length} are kept.");
    }

    [Theory]
    [InlineData("""{"email":"a@example.com","password":s3cret}""", """{"email":"a@example.com","password":""")]
    [InlineData("""{"email":"a@example.com","password":"s3cret",}""", "{\"email\":\"a@example.com\",\"password\":\"[redacted]\"")]
    [InlineData("""{"token":{"a":s3cret}}""", """{"token":""")]
    [InlineData("email=a%40example.com&password=s3cret", "")]
    [InlineData("""{"a":1} {"password":"s3cret"}""", """{"a":1}""")]
    [InlineData("""{"a":1 // password: s3cret""", """{"a":1""")]
    public void A_body_that_is_not_JSON_is_kept_only_up_to_where_it_breaks(string body, string kept)
    {
        var redacted = SecretRedaction.Body(Encoding.UTF8.GetBytes(body), whole: true, body.Length);

        Encoding.UTF8.GetString(redacted.Utf8).ShouldBe(kept);
        redacted.Note.ShouldStartWith("Not valid JSON after byte");
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("?limit=5&email%3Ain=a%40example.com", "?limit=5&email%3Ain=a%40example.com")]
    [InlineData("?access_token=s3cret&limit=5", "?access_token=[redacted]&limit=5")]
    [InlineData("?Pass%77ord=s3cret&x=password", "?Pass%77ord=[redacted]&x=password")]
    [InlineData("?limit=5&token", "?limit=5&token=[redacted]")]
    public void A_query_keeps_everything_but_the_values_of_secret_parameters(string query, string kept) =>
        SecretRedaction.Query(query).ShouldBe(kept);
}

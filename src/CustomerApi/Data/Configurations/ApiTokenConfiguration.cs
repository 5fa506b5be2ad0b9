using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerApi.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.Property(t => t.TokenHash).HasMaxLength(32);
        token.Property(t => t.Scopes).HasMaxLength(1000);
        token.HasIndex(t => new { t.StoreId, t.TokenHash }).IsUnique();
    }
}

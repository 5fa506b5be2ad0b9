using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerApi.Data.Configurations;

internal sealed class ChannelSettingsConfiguration : IEntityTypeConfiguration<ChannelSettings>
{
    public void Configure(EntityTypeBuilder<ChannelSettings> channel)
    {
        channel.HasKey(c => new { c.StoreId, c.ChannelId });
        channel.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Cascade);
        channel.Property(c => c.PolicyUrl).HasMaxLength(CustomerSettings.PolicyUrlMaxLength);
    }
}

using CustomerApi.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerApi.Data.Configurations;

internal sealed class CustomerSettingsConfiguration : IEntityTypeConfiguration<CustomerSettings>
{
    public void Configure(EntityTypeBuilder<CustomerSettings> settings)
    {
        settings.HasKey(s => s.StoreId);
        settings.Property(s => s.StoreId).ValueGeneratedNever();
        settings.HasOne<Store>().WithOne().HasForeignKey<CustomerSettings>(s => s.StoreId).OnDelete(DeleteBehavior.Cascade);
        settings.Property(s => s.PolicyUrl).HasMaxLength(CustomerSettings.PolicyUrlMaxLength);
    }
}

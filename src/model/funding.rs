//! Today's funding of the cluster policy, computed once for every reader.
//!
//! The warnings, the charts and the exported document all state what the policy costs
//! today (`funded_today × funding_cap`, 6 × € 650.000 = € 3.900.000 in the Green Paper).
//! A file can hold numbers whose product does not fit in whole euros (a typo, a pasted
//! account number); then there is no honest figure to print, and every reader says
//! so instead of showing a saturated product as if it were arithmetic.

use super::money::Euro;
use super::workspace::Metadata;

/// Above this a yearly amount for one cluster is certainly a typing error: the whole
/// Flemish innovation budget is a few hundred million euros a year.
pub const PLAUSIBLE_YEARLY_AMOUNT: Euro = Euro(1_000_000_000);

/// Above this the number of clusters funded today is certainly a typing error.
pub const PLAUSIBLE_FUNDED_CLUSTERS: u32 = 1_000;

/// What the policy costs per year today, in whole euros: `funded_today × funding_cap`.
/// `None` when that product does not fit in whole euros (`i64`): there is no figure
/// to show, and the caller says so.
pub fn todays_funding(meta: &Metadata) -> Option<Euro> {
    meta.funding_cap
        .amount()
        .checked_mul(i64::from(meta.funded_today))
        .map(Euro)
}

/// Why the metadata's funding figures cannot be right, in Dutch, if they cannot: a
/// negative or implausibly large cap, an implausible number of funded clusters, or a
/// product that does not fit. Each reason is one sentence.
pub fn implausible_funding(meta: &Metadata) -> Vec<String> {
    let mut reasons = Vec::new();
    if meta.funding_cap.amount() < 0 {
        reasons.push(format!(
            "Het maximumbedrag per speerpuntcluster is negatief ({}).",
            meta.funding_cap.flemish()
        ));
    } else if meta.funding_cap > PLAUSIBLE_YEARLY_AMOUNT {
        reasons.push(format!(
            "Het maximumbedrag per speerpuntcluster ({} per jaar) is groter dan {}; is het een tikfout?",
            meta.funding_cap.flemish(),
            PLAUSIBLE_YEARLY_AMOUNT.flemish()
        ));
    }
    if meta.funded_today > PLAUSIBLE_FUNDED_CLUSTERS {
        reasons.push(format!(
            "Het aantal vandaag gefinancierde speerpuntclusters ({}) is groter dan {}; is het een tikfout?",
            meta.funded_today, PLAUSIBLE_FUNDED_CLUSTERS
        ));
    }
    if todays_funding(meta).is_none() {
        reasons.push(
            "De financiering vandaag (aantal clusters × maximumbedrag) is te groot om te berekenen."
                .to_owned(),
        );
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(cap: i64, funded: u32) -> Metadata {
        Metadata {
            funding_cap: Euro(cap),
            funded_today: funded,
            ..Metadata::default()
        }
    }

    #[test]
    fn todays_funding_is_the_product_or_nothing() {
        assert_eq!(todays_funding(&meta(650_000, 6)), Some(Euro(3_900_000)));
        assert_eq!(todays_funding(&meta(i64::MAX, u32::MAX)), None);
        assert_eq!(todays_funding(&meta(i64::MAX, 1)), Some(Euro(i64::MAX)));
        assert!(implausible_funding(&meta(650_000, 6)).is_empty());
    }

    #[test]
    fn impossible_figures_are_named() {
        let reasons = implausible_funding(&meta(i64::MAX, u32::MAX));
        assert_eq!(reasons.len(), 3, "{reasons:?}");
        assert!(reasons[2].contains("te groot om te berekenen"));
        assert_eq!(implausible_funding(&meta(-1, 6)).len(), 1);
    }
}

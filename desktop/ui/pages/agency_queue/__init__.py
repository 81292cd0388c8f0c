"""기관 업무함: one agency's pending cases with ageing and bulk actions."""

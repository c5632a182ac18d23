export default function HouseholdPage() { return <p>HouseholdPage</p>; }

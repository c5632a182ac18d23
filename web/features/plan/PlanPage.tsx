export default function PlanPage() { return <p>PlanPage</p>; }

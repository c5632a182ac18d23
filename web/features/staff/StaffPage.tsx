export default function StaffPage() { return <p>StaffPage</p>; }

export default function PaperTrailPage() {
  return <div>stub</div>;
}

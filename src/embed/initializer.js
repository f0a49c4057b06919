// Trunk's initializer for the standalone page (index.html): a failed start shows why, in Chinese.
export default function initializer() {
  return {
    onFailure: (error) => window.jixiaoUnsupported(document.body, error),
  };
}

//! The `dossier` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    dossier::cli::main()
}

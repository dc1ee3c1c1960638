//! The sample corpus bundled in the binary: four news articles on US diplomacy over the
//! Russia–Ukraine war, exactly as in `assets/samples/`.

/// File name and text of each sample article.
pub const SAMPLES: [(&str, &str); 4] = [
    (
        "000_db49bbcf741df9dc.txt",
        include_str!("../../assets/samples/000_db49bbcf741df9dc.txt"),
    ),
    (
        "001_7f5b5be26bb1a0d8.txt",
        include_str!("../../assets/samples/001_7f5b5be26bb1a0d8.txt"),
    ),
    (
        "002_8d53881e6b7df0ad.txt",
        include_str!("../../assets/samples/002_8d53881e6b7df0ad.txt"),
    ),
    (
        "003_601911cd1ac8caa7.txt",
        include_str!("../../assets/samples/003_601911cd1ac8caa7.txt"),
    ),
];

/// The folder name shown as the origin of sample articles.
pub const SAMPLE_DIR: &str = "sample";

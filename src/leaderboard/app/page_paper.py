"""paper page (stub)."""

import streamlit as st


def render() -> None:
    st.title("paper")


if __name__ == "__main__":
    render()

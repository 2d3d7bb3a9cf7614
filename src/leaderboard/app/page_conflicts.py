"""conflicts page (stub)."""

import streamlit as st


def render() -> None:
    st.title("conflicts")


if __name__ == "__main__":
    render()
